/**
 * The Code panel's own state: open or not, and which language tab. Kept out of the main store
 * (a feature module of its own, like the other panels of this round).
 */
import { create } from 'zustand';

export type CodeTab = 'numpy' | 'typescript';

interface CodeState {
  open: boolean;
  tab: CodeTab;
}

export const useCode = create<CodeState>(() => ({ open: false, tab: 'numpy' }));

export function openCode(tab?: CodeTab): void {
  useCode.setState((s) => ({ open: true, tab: tab ?? s.tab }));
}

export function closeCode(): void {
  useCode.setState({ open: false });
}

export function toggleCode(): void {
  useCode.setState((s) => ({ open: !s.open }));
}

export function setCodeTab(tab: CodeTab): void {
  useCode.setState({ tab });
}
