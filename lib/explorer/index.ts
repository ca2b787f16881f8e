export { readCall, type CallDetail, type CarriedCredentialView, type EvidenceView, type TraceLineView } from "./call-detail";
export { csvCell, exportCalls, type ExportFormat } from "./export-calls";
export {
  callFiltersSchema,
  COLUMN_IDS,
  EXCLUDABLE,
  filtersToSearchParams,
  InvalidFilterError,
  parseCallFilters,
  parseCallFiltersLeniently,
  RELATIVE_RANGES,
  SORT_FIELDS,
  type CallFilters,
  type Excludable,
  type RelativeRange,
  type SortField,
} from "./filters";
export { eachCall, listCalls, type CallCredential, type CallListItem, type CallPage } from "./list-calls";
export { readOverview, type Overview } from "./overview";
export { readFacets, type FacetField, type Facets, type FacetValue } from "./facets";
export { readHistogram, type Histogram, type HistogramBucket } from "./histogram";
export { readTopFailingCredentials, type FailingCredential } from "./top-credentials";
