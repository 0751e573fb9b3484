// What every list of cases shows of each (worklists, search hits, stuck cases): who it is by number, where it
// stands, and who holds it, read from `case_summary`. Lists add their own fields to it.

export interface CaseHeadline {
  readonly caseId: string;
  readonly mission: string;
  readonly stage: string;
  readonly status: string;
  readonly risk: string;
  readonly assignee: string | null;
}

/** The `case_summary` columns a headline is made of. */
export interface CaseHeadlineRow {
  case_id: string;
  mission: string;
  stage: string;
  status: string;
  risk_level: string;
  assignee: string | null;
}

export const caseHeadline = (row: CaseHeadlineRow): CaseHeadline => ({
  caseId: row.case_id,
  mission: row.mission,
  stage: row.stage,
  status: row.status,
  risk: row.risk_level,
  assignee: row.assignee,
});
