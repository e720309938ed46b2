using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CopyTrader.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FollowerRiskLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<TimeOnly>(
                name: "CopyWindowEnd",
                table: "Followers",
                type: "time without time zone",
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "CopyWindowStart",
                table: "Followers",
                type: "time without time zone",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "DailyLossLimit",
                table: "Followers",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaxContractsPerOrder",
                table: "Followers",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CopyWindowEnd",
                table: "Followers");

            migrationBuilder.DropColumn(
                name: "CopyWindowStart",
                table: "Followers");

            migrationBuilder.DropColumn(
                name: "DailyLossLimit",
                table: "Followers");

            migrationBuilder.DropColumn(
                name: "MaxContractsPerOrder",
                table: "Followers");
        }
    }
}
