var builder = WebApplication.CreateBuilder(args);

builder.AddRootSettingsFile();   // the repository-level appsettings.json a self-hoster edits
builder.AddInfrastructure();     // EF Core, brokers, copy pipeline, demo
builder.AddWeb();                // Serilog, Identity, Blazor + MudBlazor

var app = builder.Build();
app.UseWeb();
app.Run();

public partial class Program;
