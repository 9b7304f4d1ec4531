package dev.semdex.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads the app's FXML views ({@code dev/semdex/ui/…}, the lab's under {@code dev/semdex/lab/ui/}) with controllers the app makes itself: they take their view
 * models in the constructor, which FXML's own instantiation cannot do. A view and the views it includes name their
 * controller types in {@code fx:controller}; each type must have been given here, so a view asking for a controller
 * nobody wired fails at once rather than with an empty controller.
 */
public final class FxmlLoaderFactory {

    private static final String VIEWS = "/dev/semdex/ui/";

    private final String views;
    private final Map<Class<?>, Supplier<?>> controllers = new HashMap<>();

    /** Loads the product's views, below {@code dev/semdex/ui/}. */
    public FxmlLoaderFactory() {
        this(VIEWS);
    }

    /** @param views the resource folder of the views, such as {@code /dev/semdex/lab/ui/} */
    public FxmlLoaderFactory(String views) {
        this.views = views.endsWith("/") ? views : views + "/";
    }

    /** Makes the controller of {@code type} with {@code make} whenever a loaded view asks for one. */
    public <T> FxmlLoaderFactory with(Class<T> type, Supplier<? extends T> make) {
        controllers.put(type, make);
        return this;
    }

    /** A loaded view: its root node and the controller of its top element. */
    public record View<R extends Parent, C>(R root, C controller) {}

    /**
     * Loads a view.
     *
     * @param name the FXML file in this factory's folder, such as {@code main.fxml}
     */
    public <R extends Parent, C> View<R, C> load(String name, Class<R> rootType, Class<C> controllerType) {
        FXMLLoader loader = construct(name);
        try {
            R root = rootType.cast(loader.load());
            return new View<>(root, controllerType.cast(loader.getController()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load the view " + name, e);
        }
    }

    /** Loads a view whose top element has no controller of its own (its included views may). */
    public <R extends Parent> R load(String name, Class<R> rootType) {
        return load(name, rootType, Object.class).root();
    }

    private FXMLLoader construct(String name) {
        URL location = FxmlLoaderFactory.class.getResource(views + name);
        if (location == null) {
            throw new IllegalArgumentException("No view " + views + name);
        }
        FXMLLoader loader = new FXMLLoader(location);
        loader.setControllerFactory(this::controller);
        return loader;
    }

    private Object controller(Class<?> type) {
        Supplier<?> make = controllers.get(type);
        if (make == null) {
            throw new IllegalArgumentException("No controller " + type.getName() + " was given to load the view");
        }
        return make.get();
    }
}
