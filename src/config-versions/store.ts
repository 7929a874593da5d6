import { createProvider } from '../llm/provider.ts';
import type { LlmProvider } from '../llm/types.ts';
import type { Db } from '../db/client.ts';
import type { Env } from '../config/env.ts';
import { versionsOf } from '../config/index.ts';
import type { FileConfig } from '../config/load.ts';
import type { ConfigName } from '../config/schemas.ts';
import { SHIPPED_SOURCES, loadEffectiveFiles, type ConfigSources } from './effective.ts';

/** The configuration in force, with the provider built from it. Swapped whole, never mutated. */
export interface LiveConfig {
  files: FileConfig;
  versions: Record<ConfigName, string>;
  /** The stored version each config comes from (0 = the shipped file). */
  sources: ConfigSources;
  provider: LlmProvider;
}

/** Holds the live config so a saved change applies to the next evaluation without a restart. */
export class ConfigStore {
  #live: LiveConfig;
  /** The shipped files (environment overrides applied): what each config falls back to. */
  readonly base: FileConfig;

  constructor(
    readonly env: Env,
    files: FileConfig,
    private readonly makeProvider: (files: FileConfig) => LlmProvider = (f) => createProvider(f.llm, env.anthropicApiKey, env.anthropicBaseUrl),
  ) {
    this.base = files;
    this.#live = this.build(files, SHIPPED_SOURCES);
  }

  get current(): LiveConfig {
    return this.#live;
  }

  /** Installs new files; `sources` says which stored versions changed (the others keep theirs). */
  replace(files: FileConfig, sources: Partial<ConfigSources> = {}): void {
    this.#live = this.build(files, { ...this.#live.sources, ...sources });
  }

  /** Installs the newest stored version of each config (start-up); unusable versions are logged and skipped. */
  loadFromDatabase(db: Db, log?: { error(obj: object, msg: string): void }): void {
    const { files, sources } = loadEffectiveFiles(db, this.base, this.env, log);
    this.#live = this.build(files, sources);
  }

  /** A provider for other files than the live ones (a calibration run of a draft), from the same factory. */
  providerFor(files: FileConfig): LlmProvider {
    return this.makeProvider(files);
  }

  private build(files: FileConfig, sources: ConfigSources): LiveConfig {
    return { files, versions: versionsOf(files), sources, provider: this.makeProvider(files) };
  }
}
