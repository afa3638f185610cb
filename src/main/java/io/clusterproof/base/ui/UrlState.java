package io.clusterproof.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Keeps a view's state (filters, selections) in the URL query, so a link can be shared and the
 * browser's back button returns to the previous state.
 */
public final class UrlState {

    private final Map<String, String> values = new LinkedHashMap<>();

    private UrlState() {}

    public static UrlState of(BeforeEnterEvent event) {
        var state = new UrlState();
        event.getLocation().getQueryParameters().getParameters().forEach((key, list) -> {
            if (!list.isEmpty() && !list.get(0).isBlank()) {
                state.values.put(key, list.get(0));
            }
        });
        return state;
    }

    public static UrlState empty() {
        return new UrlState();
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    public Optional<Long> getLong(String key) {
        try {
            return get(key).map(Long::parseLong);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public UrlState with(String key, @Nullable Object value) {
        var text = value == null ? "" : value.toString();
        if (text.isBlank()) {
            values.remove(key);
        } else {
            values.put(key, text);
        }
        return this;
    }

    public QueryParameters toQueryParameters() {
        var map = new LinkedHashMap<String, List<String>>();
        values.forEach((k, v) -> map.put(k, List.of(v)));
        return new QueryParameters(map);
    }

    /** Adds a browser history entry for the current path with this state, without re-rendering. */
    public void push(UI ui) {
        ui.getPage().getHistory().pushState(null, new Location(currentPath(ui), toQueryParameters()));
    }

    /** Replaces the current history entry, for changes not worth a back-button step. */
    public void replace(UI ui) {
        ui.getPage().getHistory().replaceState(null, new Location(currentPath(ui), toQueryParameters()));
    }

    private static String currentPath(UI ui) {
        return ui.getInternals().getActiveViewLocation().getPath();
    }
}
