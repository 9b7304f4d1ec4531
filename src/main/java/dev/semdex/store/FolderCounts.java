package dev.semdex.store;

import java.util.Map;

/**
 * What the index holds from one folder.
 *
 * @param chunks            the passages of the chunking profile that cut the most
 * @param passagesByProfile the passages each chunking profile (a model's tokenizer and length) cut
 */
public record FolderCounts(long files, long skipped, long chunks, Map<String, Long> passagesByProfile) {}
