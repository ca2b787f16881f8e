export { readCredentialSummaries, type CredentialSummary } from "./credential-summaries";
export { lookUpCredential } from "./credential-lookup";
export { credentialLookupAnswer, credentialLookupRequest, type CredentialLookup } from "./credential-lookup-answer";
export type { EventNearCall } from "./events-near-call";
export type { SameCauseAround, Spread } from "./same-cause-around";
export type { CallsOverTime, CredentialHistory, CredentialStory } from "./credential-lookup-answer";
export { readCall, type CallDetail, type CallEvidence, type CarriedCredentialView, type EvidenceView, type TraceLineView } from "./call-detail";
export { exportCalls, parseExportRequest, type ExportFormat, type ExportRequest } from "./export-calls";
export {
  parseCallFilters,
  parseCallFiltersLeniently,
  type CallFilters,
  type FacetField,
  type RelativeRange,
} from "./filters";
export type { ColumnId, SortField } from "./fields";
export { listCalls, type CallCredential, type CallListItem, type CallPage } from "./list-calls";
export { readOverview, type Overview } from "./overview";
export { readUploadEvents, parseEventsPage, eventsPageOfUrl, type EventsPage, type UploadEvents } from "./gateway-events";
export { InvalidFilterError, type IgnoredParameter, type UrlParameters } from "./url-parameters";
export { readFacets, readFacetValues, type Facet, type Facets } from "./facets";
export type { FacetValue, FacetValues } from "./facet-values-answer";
export { parseFacetValuesRequest, type FacetValuesRequest } from "./facet-values-request";
export { readHistogram, type Histogram, type HistogramBucket } from "./histogram";
export type { EventSeverity, PeriodEvents } from "./period-events";
export { readTopFailingCredentials, type FailingCredential } from "./top-credentials";
export { explorerViewHref } from "./view-link";
export { readExplorerView, type ExplorerView, type RankedCharts, type ValueNames, type ViewCounts } from "./view";
export { parseEventFilters, parseEventFiltersLeniently, EVENT_LEVELS, type EventFilters, type EventLevel } from "./event-filters";
export { listGatewayEvents, anyGatewayEvents, type GatewayEventsPage, type UploadGatewayEvent } from "./list-events";
