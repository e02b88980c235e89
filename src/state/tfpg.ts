/**
 * Switching between our engine and TF Playground's exact training (engineMode). Entering holds
 * the settings TF Playground lacks at its values (src/share/tfpgMode.ts) and rebuilds the run from
 * its seed string; leaving keeps every setting and trains with our engine again.
 */
import { toTfpgMode } from '../share/tfpgMode.ts';
import { setConfig, useStore } from './store.ts';

export function enterTfpgMode(): void {
  setConfig(toTfpgMode(useStore.getState().config).config);
}

export function leaveTfpgMode(): void {
  setConfig({ engineMode: 'ours' });
}
