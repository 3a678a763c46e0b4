export { loadConfig, ConfigError, ZConfigEnv, type Config } from './config.ts';
