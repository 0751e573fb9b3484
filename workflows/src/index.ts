// The workflows the baoho worker registers: this file is their list, each workflow lives in its own module.
// Workflow code is deterministic: it imports only @temporalio/workflow and the domain (enforced by eslint).
export {};
