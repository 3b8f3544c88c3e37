/**
 * The services behind the commands: {@link io.kraftport.migrate.ParityService} (the parity of
 * {@code diff} and the gate's first check), {@link io.kraftport.migrate.ImportService} and {@link
 * io.kraftport.migrate.GateService}. Each takes a request record and a {@link
 * io.kraftport.Progress}, and returns a result record with its verdict ({@link
 * io.kraftport.migrate.Verdict}, or the import's {@code succeeded}); none prints. The commands in
 * {@code cli} build the requests from their options and render the results through {@code report};
 * this package knows neither.
 */
package io.kraftport.migrate;
