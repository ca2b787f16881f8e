/** Names of fields and keys whose values no one wants shown (`password`, `client_secret`, `api_key`, `refresh_token`, …). */
export const SECRET_NAME = /passw(?:or)?d|secret|token|api[-_]?key|private[-_]?key|credential/i;

/** Other query parameters gateways take credentials in (`client_id`, `app_key`, `jwt`, `sig`, …): SECRET_NAME names the rest (`access_token`, `apikey`). */
const CREDENTIAL_PARAMETER = /^(?:client[-_]?id|app[-_]?(?:id|key)|jwt|key|sig(?:nature)?|code)$/i;

/** Whether a query parameter of this name carries a credential, so that a token sent in the URI is tracked as one sent in a header. */
export const namesCredential = (name: string) => SECRET_NAME.test(name) || CREDENTIAL_PARAMETER.test(name);
