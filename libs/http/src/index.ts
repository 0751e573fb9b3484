// @baoho/http — the HTTP edge shared by the apps that serve people and hotlines: RFC 9457 problem details.
export { HttpProblem, PROBLEM_CONTENT_TYPE, problemType, type ProblemDetails } from './problem';
export { ProblemDetailsFilter } from './problem-details.filter';
