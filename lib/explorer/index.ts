export { readCall, type CallDetail, type CarriedCredentialView, type EvidenceView, type TraceLineView } from "./call-detail";
export { csvCell, exportCalls, type ExportFormat } from "./export-calls";
export {
  callFiltersSchema,
  COLUMN_IDS,
  filtersToSearchParams,
  InvalidFilterError,
  parseCallFilters,
  RELATIVE_RANGES,
  SORT_FIELDS,
  type CallFilters,
  type RelativeRange,
  type SortField,
} from "./filters";
export { eachCall, listCalls, type CallCredential, type CallListItem, type CallPage } from "./list-calls";
export { readOverview, type Overview } from "./overview";
