import * as z from 'zod';
import { zhCN } from 'zod/locales';

// Namespace import and one locale: `import { z }` with `z.locales.zhCN()` pulls all 64 locales into each bundle.
z.config(zhCN());

export { z };
