import type { ToastMessage } from '../ui/Toasts';
import type { SliceCreator } from './app-state';

export interface ToastsSlice {
  toasts: ToastMessage[];
  notify: (tone: ToastMessage['tone'], text: string) => void;
  dismissToast: (id: number) => void;
}

export const createToastsSlice: SliceCreator<ToastsSlice> = () => (set) => {
  let nextId = 1;
  return {
    toasts: [],
    notify: (tone, text) => set((s) => ({ toasts: [...s.toasts, { id: nextId++, tone, text }] })),
    dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
  };
};
