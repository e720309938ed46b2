# CopyTrader: build with the .NET SDK, run on the slim ASP.NET Core runtime as a non-root user.
#   docker build -t copytrader .
#   docker run -p 8080:8080 -v copytrader-data:/data copytrader

# ---- build ----
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project files first, so the restore layer is cached until a dependency changes.
COPY CopyTrader.sln Directory.Build.props Directory.Packages.props ./
COPY CopyTrader.Domain/CopyTrader.Domain.csproj CopyTrader.Domain/
COPY CopyTrader.Infrastructure/CopyTrader.Infrastructure.csproj CopyTrader.Infrastructure/
COPY CopyTrader.Web/CopyTrader.Web.csproj CopyTrader.Web/
COPY CopyTrader.Tests/CopyTrader.Tests.csproj CopyTrader.Tests/
# (CopyTrader.Web.csproj sets RequiresAspNetWebAssets, so this restore gets blazor.web.js without the .razor files.)
RUN dotnet restore CopyTrader.Web/CopyTrader.Web.csproj
# Then the sources (including the root appsettings.json, published as appsettings.root.json).
COPY . .
RUN dotnet publish CopyTrader.Web/CopyTrader.Web.csproj -c Release -o /app --no-restore

# ---- runtime ----
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# The database (SQLite by default) and data-protection keys live in /data, owned by the
# image's built-in non-root "app" user ($APP_UID, 1654); created before VOLUME so a new
# volume inherits that ownership.
RUN mkdir -p /data && chown "$APP_UID:$APP_UID" /data
VOLUME /data
COPY --from=build /app .
ENV Storage__DataPath=/data \
    Urls=http://0.0.0.0:8080
EXPOSE 8080
USER $APP_UID
# No HEALTHCHECK: the aspnet image has no curl/wget. The app serves GET /health for an
# orchestrator's probe (e.g. a Kubernetes httpGet or a reverse proxy's check).
ENTRYPOINT ["dotnet", "CopyTrader.Web.dll"]
