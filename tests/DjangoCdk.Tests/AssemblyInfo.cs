// The CDK .NET runtime (jsii) is single-threaded: one thread touches CDK objects.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
