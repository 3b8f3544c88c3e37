/**
 * The table of topic configs that Kafka 4 removed or changed ({@link
 * io.kraftport.translate.ConfigTranslations}, read from {@code config-translations.json} next to
 * it) and the translation of a source topic's configs: pure data and logic, no I/O beyond reading
 * the table from the classpath.
 */
package io.kraftport.translate;
