import { z } from 'zod';

/** A file a person chose to import, as every host hands it to the engine. */
export const UploadedFile = z.object({
  fileName: z.string().min(1).max(1024),
  /** The file's bytes, base64: the renderer never hands the engine a path it chose. */
  contentBase64: z.string().max(140_000_000, 'the file is larger than 100 MB; split it and import the parts'),
});
export type UploadedFile = z.infer<typeof UploadedFile>;
