import { createProvider } from '../llm/provider.ts';
import type { LlmProvider } from '../llm/types.ts';
import type { Env } from './env.ts';
import { versionsOf } from './index.ts';
import type { FileConfig } from './load.ts';
import type { ConfigName } from './schemas.ts';

/** The configuration in force, with the provider built from it. Swapped whole, never mutated. */
export interface LiveConfig {
  files: FileConfig;
  versions: Record<ConfigName, string>;
  provider: LlmProvider;
}

/** Holds the live config so a saved change applies to the next evaluation without a restart. */
export class ConfigStore {
  #live: LiveConfig;

  constructor(
    readonly env: Env,
    files: FileConfig,
    private readonly makeProvider: (files: FileConfig) => LlmProvider = (f) => createProvider(f.llm, env.anthropicApiKey),
  ) {
    this.#live = this.build(files);
  }

  get current(): LiveConfig {
    return this.#live;
  }

  replace(files: FileConfig): void {
    this.#live = this.build(files);
  }

  private build(files: FileConfig): LiveConfig {
    return { files, versions: versionsOf(files), provider: this.makeProvider(files) };
  }
}
