using DjangoCdk;
using DjangoCdk.Cli;

// django-cdk: everything is in CliApp, so tests run the same commands in-process. The temp folder is claimed first:
// the CDK's .NET runtime unpacks about 64 MB into it at every run and never removes it (ProcessTempFolder).
using var temp = ProcessTempFolder.Claim();
return CliApp.Create(CliServices.ForThisMachine()).Run(args);
