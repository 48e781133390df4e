# Statements per phase of a run of run.sh with statement logging: python3 phases.py <folder of the run>
import sys, re, glob, datetime as dt
D=sys.argv[1]
def ts(s): return dt.datetime.fromisoformat(s.replace('Z','+00:00'))
app=open(D+'/app.log').read().splitlines()
marks=[]; started=None; loaded=None
for l in app:
    m=re.match(r'(\S+)\s+INFO.*Demo history: (.+) in (\d+) ms',l)
    if m:
        end=ts(m.group(1)); marks.append((m.group(2), end-dt.timedelta(milliseconds=int(m.group(3))), end))
    if 'Started WorkStudyApplication' in l: started=ts(l.split()[0])
    if 'Demo school loaded' in l: loaded=ts(l.split()[0])
phases=[('school, staff, students', started, marks[0][1])]+marks+[("today's positions, applications, passwords", marks[-1][2], loaded)]
counts=[0]*len(phases); other=0
for f in glob.glob(D+'/log/*.log'):
    for l in open(f, errors='replace'):
        m=re.match(r'(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+) UTCLOG:  duration: [\d.]+ ms  (execute|statement:)', l)
        if not m: continue
        t=dt.datetime.strptime(m.group(1), '%Y-%m-%d %H:%M:%S.%f').replace(tzinfo=dt.timezone.utc)
        for i,(n,a,b) in enumerate(phases):
            if a<=t<=b: counts[i]+=1; break
        else: other+=1
for (n,a,b),c in zip(phases,counts): print(f"{n}\t{(b-a).total_seconds():.1f} s\t{c} statements")
print("outside the load", other)
