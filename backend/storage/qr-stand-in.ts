import QRCode from 'qrcode';
import type { CodeMaker } from '../admin/port';

/**
 * Where there is no WeChat (npm start, tests): a standard QR code of the page and scene a mini-program code would
 * carry. Phones do not open the mini-program with it; it shows what the code holds, and is marked 本地替代.
 */
export const standInCodes: CodeMaker = {
  async make({ page, scene }) {
    const png = await QRCode.toBuffer(`${page}?scene=${encodeURIComponent(scene)}`, {
      type: 'png',
      errorCorrectionLevel: 'M',
      margin: 2,
      width: 430,
    });
    return { png, standIn: true };
  },
};
