package dev.semdex.search;

/**
 * What a search needs of the models: the id a model's vectors are stored under, and a query embedded by it. The
 * model service holds the embedder only for the call, so a search never keeps a replaced model open.
 */
public interface SearchModels {

    /** The id the index stores the model's vectors under (an Ollama model's names its server). */
    String canonicalId(String modelId);

    float[] embedQuery(String modelId, String query);
}
