// Times alex (https://github.com/get-alex/alex) on one file, in process, after a
// warm-up run; prints MB/s. Used by bench/run next to solipraxis' check_bench.
import {readFileSync} from 'node:fs';
import {text as alex} from 'alex';

const path = process.argv[2];
const input = readFileSync(path, 'utf8');
alex('Warm up the chairman.');
// CPU time (user + system, all threads of the process) as well as wall time:
// the benchmark machine is shared, so CPU time is the fairer measure.
const t0 = process.hrtime.bigint();
const c0 = process.cpuUsage();
const file = alex(input);
const cpu = process.cpuUsage(c0);
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const mb = Buffer.byteLength(input) / 1e6;
console.log(`alex ${path}: ${mb.toFixed(2)} MB, cpu ${cpuSeconds.toFixed(2)} s = ` +
            `${(mb / cpuSeconds).toFixed(4)} MB/s (wall ${seconds.toFixed(2)} s = ` +
            `${(mb / seconds).toFixed(4)} MB/s), ${file.messages.length} messages`);
console.log(`MBPS ${(mb / cpuSeconds).toFixed(6)}`);
