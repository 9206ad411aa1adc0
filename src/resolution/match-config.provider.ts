import { readFileSync } from 'node:fs';
import { AppConfig } from '../config/app-config';
import { DEFAULT_MATCH_CONFIG, type MatchConfig } from '../matching/match-config';

/** The matching configuration: documented defaults, optionally overridden by MATCH_CONFIG_FILE. */
export abstract class MatchConfigHolder {
  abstract readonly config: MatchConfig;
}

export function loadMatchConfig(appConfig: AppConfig): MatchConfigHolder {
  if (appConfig.matchConfigFile === undefined) return { config: DEFAULT_MATCH_CONFIG };
  let override: Partial<MatchConfig>;
  try {
    override = JSON.parse(readFileSync(appConfig.matchConfigFile, 'utf8')) as Partial<MatchConfig>;
  } catch (error) {
    throw new Error(
      `MATCH_CONFIG_FILE: cannot read ${appConfig.matchConfigFile}: ${(error as Error).message}`,
    );
  }
  return { config: mergeMatchConfig(DEFAULT_MATCH_CONFIG, override) };
}

/** Field probabilities merge per field; thresholds and settings per key; lists replace. */
export function mergeMatchConfig(base: MatchConfig, override: Partial<MatchConfig>): MatchConfig {
  const fields = { ...base.fields };
  for (const [field, levels] of Object.entries(override.fields ?? {})) {
    if (!(field in fields)) throw new Error(`MATCH_CONFIG_FILE: unknown field "${field}"`);
    fields[field as keyof MatchConfig['fields']] = {
      ...fields[field as keyof MatchConfig['fields']],
      ...levels,
    };
  }
  const merged: MatchConfig = {
    ...base,
    ...override,
    fields,
    thresholds: { ...base.thresholds, ...override.thresholds },
    similarity: { ...base.similarity, ...override.similarity },
    termFrequency: { ...base.termFrequency, ...override.termFrequency },
  };
  if (!(merged.thresholds.lower <= merged.thresholds.upper)) {
    throw new Error('MATCH_CONFIG_FILE: thresholds.lower must not exceed thresholds.upper');
  }
  return merged;
}

export const matchConfigProvider = {
  provide: MatchConfigHolder,
  inject: [AppConfig],
  useFactory: loadMatchConfig,
};
