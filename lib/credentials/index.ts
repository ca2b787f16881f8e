export { loadFingerprintKey } from "./fingerprint-key";
export { maskCredential, displayMasked, carriesWhitespace, hasWhitespaceFlag, type MaskedCredential } from "./mask";
export { createCredentialMasker, copyString, type CredentialMasker } from "./masker";
