package io.clusterproof.support;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.util.ArrayList;
import java.util.stream.Stream;

/** Walks a view like a user sees it: the component tree plus the components that grid cells render. */
public final class UiTree {

    private static final int MAX_ROWS = 200;

    private UiTree() {}

    public static Stream<Component> all(Component root) {
        return Stream.concat(
                Stream.of(root), Stream.concat(root.getChildren(), cells(root)).flatMap(UiTree::all));
    }

    public static String text(Component component) {
        return component.getElement().getTextRecursively();
    }

    private static Stream<Component> cells(Component component) {
        if (!(component instanceof Grid<?> grid)) {
            return Stream.empty();
        }
        return rendered(grid).stream();
    }

    private static <T> ArrayList<Component> rendered(Grid<T> grid) {
        var components = new ArrayList<Component>();
        var rows = Math.min(GridKt._size(grid), MAX_ROWS);
        for (var column : grid.getColumns()) {
            if (column.getRenderer() instanceof ComponentRenderer<?, ?>) {
                @SuppressWarnings("unchecked")
                var renderer = (ComponentRenderer<? extends Component, T>) column.getRenderer();
                for (int i = 0; i < rows; i++) {
                    components.add(renderer.createComponent(GridKt._get(grid, i)));
                }
            }
        }
        return components;
    }
}
