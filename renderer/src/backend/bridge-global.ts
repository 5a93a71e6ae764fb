import type { ElectronBridge } from '../../../shared/wire';

declare global {
  interface Window {
    /** Defined by the Electron preload before any page script runs; absent under the local web host. */
    agentTriage?: ElectronBridge;
  }
}
