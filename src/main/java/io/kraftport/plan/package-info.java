/**
 * The plans and results of an import, as data: what import does with each topic ({@link
 * io.kraftport.plan.TopicPlan}, {@link io.kraftport.plan.TopicStep}) and each subject version
 * ({@link io.kraftport.plan.ImportPlan}, {@link io.kraftport.plan.ImportStep}, {@link
 * io.kraftport.plan.ImportResult}). The I/O packages ({@code kafka}, {@code registry}) build them
 * and {@code report} renders them, so neither side needs the other; nothing here talks to a cluster
 * or a registry.
 */
package io.kraftport.plan;
