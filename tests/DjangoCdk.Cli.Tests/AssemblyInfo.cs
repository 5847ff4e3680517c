// The CDK .NET runtime (jsii) is single-threaded, and the synth tests create CDK objects.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
