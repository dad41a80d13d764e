"""The extraction pipeline: sentences, mentions, coreference, patterns, modality."""
