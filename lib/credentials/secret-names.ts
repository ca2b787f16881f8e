/** Names of fields and keys whose values no one wants shown (`password`, `client_secret`, `api_key`, `refresh_token`, …). */
export const SECRET_NAME = /passw(?:or)?d|secret|token|api[-_]?key|private[-_]?key|credential/i;
