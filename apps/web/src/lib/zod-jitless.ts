import { z } from "zod";

// zod probes `new Function` for its fast path; under our CSP (no 'unsafe-eval') the browser
// reports that probe as a violation, so the dashboard's zod runs without it.
z.config({ jitless: true });
