import type { ExportedFile } from '../../../../shared/contract';

/** Reads a chosen file as base64, the form the contract carries file bytes in. */
export function readFileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const dataUrl = String(reader.result);
      resolve(dataUrl.slice(dataUrl.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error(`Could not read ${file.name}: ${reader.error?.message ?? 'the file is not readable'}.`));
    reader.readAsDataURL(file);
  });
}

export function bytesOfBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** An <a download> on a blob URL saves the file in Chromium and in Electron alike, with no native dialog needed. */
export function downloadFile(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([bytesOfBase64(file.contentBase64)], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download before the browser has started reading the blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
