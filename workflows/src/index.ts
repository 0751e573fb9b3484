// The workflows the baoho worker registers: this file is their list, each workflow lives in its own module.
// Workflow code is deterministic: it imports only @temporalio/workflow and the domain (enforced by eslint).
export { protectionCase } from './protection-case/protection-case.workflow';
export * from './protection-case/definitions';
export * from './protection-case/activity-ports';
export { caseEventId } from './protection-case/recording';
export { CASE_SEARCH_ATTRIBUTES } from './protection-case/search-attributes';
