package io.github.seq2seq4j.server;

import io.github.seq2seq4j.InputException;
import io.github.seq2seq4j.Seq2SeqModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The models a server serves, by name, in command-line order; the first is the default. */
public final class ModelRegistry {
    private final Map<String, ServedModel> models;

    private ModelRegistry(Map<String, ServedModel> models) {
        if (models.isEmpty()) {
            throw new InputException("no model to serve: give at least one --model DIR");
        }
        this.models = models;
    }

    /** Loads every model; a load error names the model and its directory. */
    public static ModelRegistry load(List<ModelSpec> specs) {
        Map<String, ServedModel> map = new LinkedHashMap<>();
        for (ModelSpec s : specs) {
            if (map.containsKey(s.name())) {
                throw new InputException("two models are named '" + s.name() + "': name them with NAME=DIR");
            }
            Seq2SeqModel m;
            try {
                m = Seq2SeqModel.open(s.dir().toString());
            } catch (RuntimeException e) {
                throw new InputException("cannot load model '" + s.name() + "' from " + s.dir() + ": " + e.getMessage(), e);
            }
            map.put(s.name(), new ServedModel(s.name(), s.dir(), m));
        }
        return new ModelRegistry(map);
    }

    /** Wraps models already loaded. */
    public static ModelRegistry of(List<ServedModel> served) {
        Map<String, ServedModel> map = new LinkedHashMap<>();
        for (ServedModel s : served) {
            if (map.putIfAbsent(s.name(), s) != null) {
                throw new InputException("two models are named '" + s.name() + "'");
            }
        }
        return new ModelRegistry(map);
    }

    /** The model served as {@code name}, if any. */
    public Optional<ServedModel> find(String name) {
        return Optional.ofNullable(models.get(name));
    }

    /** The first model: the one a request without {@code model} gets. */
    public ServedModel defaultModel() {
        return models.values().iterator().next();
    }

    /** Every model, in the order given. */
    public Collection<ServedModel> all() {
        return models.values();
    }

    /** The models' names, in the order given. */
    public List<String> names() {
        return new ArrayList<>(models.keySet());
    }
}
