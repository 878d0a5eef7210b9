/**
 * Authentication: bearer tokens configured by digest, and the check each request passes.
 */

export { AuthError, authenticate, type AuthErrorCode, type Principal } from './authenticate.ts';
export { generateToken, hashToken } from './hash-token.ts';
export {
  SCOPES,
  TOKEN_CONFIG_SHAPE,
  TokenConfigError,
  formatTokenConfigLine,
  parseTokenConfig,
  type ConfiguredToken,
  type Scope,
} from './token-config.ts';
