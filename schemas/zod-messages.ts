/**
 * zod/mini ships no message locale: without this, every issue reads "Invalid input". English
 * messages alone (not every locale, as classic zod loads) keep the cold path small.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config(en());
