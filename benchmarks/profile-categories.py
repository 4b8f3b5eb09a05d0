#!/usr/bin/env python3
# Sorts the callers-thread samples of a Profile recording (JFR) into the suspects of issue 15 and prints their shares:
#   python3 benchmarks/profile-categories.py profile-tasksClientActuator.jfr <callers KB per call, from Profile>
# Needs the JDK `jfr` tool on the PATH.
import json,sys,collections,subprocess,re
# usage: cats.py file.jfr callerKBperCall
f=sys.argv[1]; kb=float(sys.argv[2]) if len(sys.argv)>2 else None
def load(ev):
    out=subprocess.run(['jfr','print','--json','--stack-depth','120','--events',ev,f],capture_output=True,text=True).stdout
    return json.loads(out)['recording']['events']
def cat(frames):
    # frames leaf-first, dotted names; an observation's convention claims all it calls (e.g. URI.toASCIIString for http.url)
    if any('ClientRequestObservationConvention' in x or 'ClientNameObservationConvention' in x for x in frames): return "Boot's http.client.requests observation"
    if any('TaskStatusObservationConvention' in x for x in frames): return "the starter's observation (cloudinary.analysis.tasks.status)"
    for i,x in enumerate(frames):
        if x.startswith('io.micrometer.'):
            for y in frames[i:]:
                if 'DefaultRestClient' in y: return "Boot's http.client.requests observation"
                if 'RestClientTasksClient.getStatus' in y: return "the starter's observation (cloudinary.analysis.tasks.status)"
            return 'Micrometer, other'
        if 'DefaultClientRequestObservationConvention' in x or 'ClientNameObservationConvention' in x or 'ClientRequestObservationContext' in x: return "Boot's http.client.requests observation"
        if 'TaskStatusObservation' in x: return "the starter's observation (cloudinary.analysis.tasks.status)"
        if x.startswith('jdk.internal.net.http.') or x.startswith('java.net.http.'): return 'JDK HttpClient (send, request/response objects)'
        if x.startswith('tools.jackson.') or x.startswith('com.fasterxml.'): return 'JSON read (Jackson)'
        if 'BoundedBody' in x: return 'bounded body read'
        if 'DefaultRequestBodyUriSpec.uri' in x or 'AnalysisConnection.get' in x or 'PathTemplates' in x or 'UriBuilder' in x or 'UriComponents' in x or x.startswith('java.net.URI.'): return 'URI template expansion'
        if 'HttpHeaders' in x or 'LinkedCaseInsensitiveMap' in x or 'MultiValueMapAdapter' in x or 'FixedRequestHeaders' in x or 'BoundedJdkClientHttpRequest.buildRequest' in x: return 'header copying / request headers'
        if 'InterceptingClientHttpRequest' in x or 'CloudinaryAuthentication' in x or 'ClientHttpRequestInterceptor' in x: return 'interceptor layer (authentication)'
        if 'SecretRedactor' in x or 'ResponseText' in x or 'safeRequestId' in x: return 'request-id redaction'
        if 'TaskIds' in x: return 'task id checks'
        if 'generated.' in x: return 'generated client code'
        if 'RetryingCaller' in x: return 'retry wrapping'
        if x.startswith('org.springframework.'): return 'RestClient, other'
        if x.startswith('io.github.cloudinaryanalysis.') and 'benchmarks' not in x: return "the starter's code, other"
        if 'benchmarks.support.Baselines' in x: return 'baseline code'
    return 'other (JDK)'
for ev,label in (('jdk.ObjectAllocationSample','allocation'),('jdk.ExecutionSample','CPU')):
    agg=collections.Counter(); tot=0
    for e in load(ev):
        st=e['values'].get('stackTrace')
        if not st or not st['frames']: continue
        frames=[fr['method']['type']['name'].replace('/','.')+'.'+fr['method']['name'] for fr in st['frames']]
        if not any('Profile.lambda$run' in x for x in frames): continue
        w=e['values'].get('weight',1) if ev=='jdk.ObjectAllocationSample' else 1
        tot+=w; agg[cat(frames)]+=w
    print('%s, callers\' threads (%s samples):'%(label, tot if label=='CPU' else 'weighted'))
    for k,v in agg.most_common():
        extra=(' = %.1f KB/call'%(kb*v/tot)) if (kb and label=='allocation') else ''
        print('  %5.1f %%%s  %s'%(100*v/tot,extra,k))
