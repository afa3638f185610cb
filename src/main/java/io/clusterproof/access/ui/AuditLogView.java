package io.clusterproof.access.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.clusterproof.access.AuditLog;
import io.clusterproof.access.AuditQuery;
import io.clusterproof.access.AuditRecord;
import io.clusterproof.access.Role;
import io.clusterproof.base.EnumLabels;
import io.clusterproof.base.TimeFormatter;
import io.clusterproof.base.ui.IsoDatePicker;
import io.clusterproof.base.ui.Notifications;
import io.clusterproof.base.ui.UrlState;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;

/** The audit log: read-only, filterable, and every filter lives in the URL. */
@Route("audit")
@PageTitle("Audit log")
@Menu(order = 80, icon = "vaadin:archive", title = "Audit log")
@RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.AUDITOR_NAME})
public class AuditLogView extends VerticalLayout implements BeforeEnterObserver {

    private final AuditLog auditLog;
    private final TimeFormatter time;
    private final Grid<AuditRecord> grid = new Grid<>(AuditRecord.class, false);
    private final TextField actor = new TextField("Actor");
    private static final java.util.regex.Pattern STATUS_VALUE =
            java.util.regex.Pattern.compile("\\b(status=)([A-Z][A-Z_]+)\\b");

    private final ComboBox<String> action = new ComboBox<>("Action");
    private final ComboBox<String> targetType = new ComboBox<>("Target");
    private final DatePicker from = new IsoDatePicker("From");
    private final DatePicker to = new IsoDatePicker("To (inclusive)");
    private final TextField text = new TextField("Contains");
    private final boolean mayVerify;
    private boolean restoring;

    AuditLogView(AuditLog auditLog, TimeFormatter time, AuthenticationContext authentication) {
        this.auditLog = auditLog;
        this.time = time;
        this.mayVerify = authentication.hasAnyRole(Role.ADMIN_NAME, Role.AUDITOR_NAME);
        setSizeFull();
        add(createFilters(), createGrid());
    }

    private Component createFilters() {
        action.setItems(auditLog.actions());
        action.setItemLabelGenerator(EnumLabels::words);
        targetType.setItems(auditLog.targetTypes());
        actor.setValueChangeMode(ValueChangeMode.LAZY);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        for (HasValue<?, ?> field : List.<HasValue<?, ?>>of(actor, action, targetType, from, to, text)) {
            field.addValueChangeListener(e -> filtersChanged());
        }
        actor.setClearButtonVisible(true);
        action.setClearButtonVisible(true);
        targetType.setClearButtonVisible(true);
        text.setClearButtonVisible(true);
        var filters = new HorizontalLayout(actor, action, targetType, from, to, text);
        if (mayVerify) {
            filters.add(createVerifyButton());
        }
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        return filters;
    }

    /** Checks the hash chain of the whole log and says whether it is intact, or where it breaks. */
    private Component createVerifyButton() {
        var verify = new Button("Verify chain", e -> {
            var result = auditLog.verify();
            if (result.intact()) {
                Notifications.success(result.message());
            } else {
                Notifications.error(result.message());
            }
        });
        verify.setId("verify-audit-chain");
        return verify;
    }

    private Component createGrid() {
        grid.setId("audit-entries");
        grid.addColumn(r -> time.dateTime(r.occurredAt()))
                .setHeader("When")
                .setSortProperty("occurredAt")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditRecord::actor)
                .setHeader("Who")
                .setSortProperty("actor")
                .setAutoWidth(true);
        grid.addColumn(r -> EnumLabels.words(r.action()))
                .setHeader("What")
                .setSortProperty("action")
                .setAutoWidth(true);
        grid.addColumn(r -> r.targetType() + (r.targetId() == null ? "" : " " + r.targetId()))
                .setHeader("Target")
                .setAutoWidth(true);
        grid.addComponentColumn(r -> change(r.before(), r.after()))
                .setHeader("Before → after")
                .setWidth("22em")
                .setFlexGrow(3);
        grid.addColumn(r -> Objects.requireNonNullElse(r.detail(), ""))
                .setHeader("Detail")
                .setWidth("14em")
                .setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addClassName("cp-break-anywhere");
        grid.setSizeFull();
        grid.setEmptyStateText("No audit entries match these filters.");
        return grid;
    }

    private static Component change(@Nullable String before, @Nullable String after) {
        var span =
                new Span((before == null ? "—" : readable(before)) + "  →  " + (after == null ? "—" : readable(after)));
        span.getStyle().set("font-size", "var(--lumo-font-size-s)");
        return span;
    }

    /** A recorded state as words: "status=IN_PROGRESS" reads "status=In progress"; the record is unchanged. */
    static String readable(String state) {
        return STATUS_VALUE.matcher(state).replaceAll(m -> m.group(1) + EnumLabels.words(m.group(2)));
    }

    private void filtersChanged() {
        if (restoring) {
            return;
        }
        currentState().push(getUI().orElseThrow());
        refresh();
    }

    private UrlState currentState() {
        return UrlState.empty()
                .with("actor", actor.getValue())
                .with("action", action.getValue())
                .with("target", targetType.getValue())
                .with("from", from.getValue())
                .with("to", to.getValue())
                .with("q", text.getValue());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var state = UrlState.of(event);
        restoring = true;
        actor.setValue(state.get("actor", ""));
        action.setValue(state.get("action").orElse(null));
        targetType.setValue(state.get("target").orElse(null));
        from.setValue(state.get("from").map(AuditLogView::parseDate).orElse(null));
        to.setValue(state.get("to").map(AuditLogView::parseDate).orElse(null));
        text.setValue(state.get("q", ""));
        restoring = false;
        refresh();
    }

    private static @Nullable LocalDate parseDate(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private void refresh() {
        var zone = time.zone();
        var query = new AuditQuery(
                actor.getValue(),
                action.getValue(),
                targetType.getValue(),
                from.getValue() == null
                        ? null
                        : from.getValue().atStartOfDay(zone).toInstant(),
                to.getValue() == null
                        ? null
                        : to.getValue().plusDays(1).atStartOfDay(zone).toInstant(),
                text.getValue());
        grid.setItems(q -> auditLog
                .find(
                        query,
                        VaadinSpringDataHelpers.toSpringPageRequest(q)
                                .withSort(
                                        q.getSortOrders().isEmpty()
                                                ? Sort.by(Sort.Direction.DESC, "occurredAt")
                                                : VaadinSpringDataHelpers.toSpringDataSort(q)))
                .stream());
    }
}
