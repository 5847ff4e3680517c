using DjangoCdk.Cli;

// django-cdk: everything is in CliApp, so tests run the same commands in-process.
return CliApp.Create(CliServices.ForThisMachine()).Run(args);
