using BenchmarkDotNet.Running;
using GraphApi.Benchmarks.Load;

// `load ...` drives a running server over HTTP; anything else goes to BenchmarkDotNet's switcher.
return args is ["load", .. var rest]
    ? await LoadRun.RunAsync(rest)
    : RunBenchmarks(args);

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
