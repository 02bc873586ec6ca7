// What a test suite needs to run its code against the emulator: one emulator per test, checked
// after it (`useEmulator`), and the check itself (`validateAgainstOpenApi`), which reads GitHub's
// OpenAPI description. Kept apart from the package's main entry so a program that only serves the
// API never loads vitest, ajv or the 10 MB description.
export { appJwt, DOCS, type EmulatorHandle, failure, TestClock, useEmulator } from "./emulator-handle.js";
export { toJsonSchema, type ValidationOptions, validateAgainstOpenApi } from "./openapi.js";
