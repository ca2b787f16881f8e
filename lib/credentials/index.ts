export { loadFingerprintKey } from "./fingerprint-key";
export { displayMasked, fingerprintOf, maskCredential, maskedInPlace, carriesWhitespace, hasWhitespaceFlag, type MaskedCredential } from "./mask";
export { createCredentialMasker, copyString, type CredentialMasker } from "./masker";
export { SCHEME_AND_TOKEN, TOKEN_SCHEMES } from "./authorization-schemes";
export { namesCredential, SECRET_NAME } from "./secret-names";
export { carriesNoCredential } from "./plain-names";
export { sentElsewhere } from "./sent-elsewhere";
export { fingerprintKeyFor, FingerprintKeyMismatchError } from "./key-check";
