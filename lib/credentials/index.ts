export { loadFingerprintKey } from "./fingerprint-key";
export { displayMasked, carriesWhitespace, hasWhitespaceFlag, type MaskedCredential } from "./mask";
export { createCredentialMasker, copyString, type CredentialMasker } from "./masker";
