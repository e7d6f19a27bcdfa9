{{/* Chart name, release-scoped names and labels shared by every object. */}}

{{- define "booking.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "booking.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* The headless service the members discover each other through. */}}
{{- define "booking.membersServiceName" -}}
{{- printf "%s-members" (include "booking.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "booking.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "booking.selectorLabels" -}}
app.kubernetes.io/name: {{ include "booking.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: member
{{- end }}

{{- define "booking.labels" -}}
helm.sh/chart: {{ include "booking.chart" . }}
{{ include "booking.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "booking.clusterName" -}}
{{- default .Release.Name .Values.clusterName }}
{{- end }}

{{- define "booking.apiDiscovery" -}}
{{- if eq .Values.discovery.mode "api" }}true{{ end }}
{{- end }}

{{/*
Members a voluntary disruption may take at once: no more than the backups cover, and never all of
them. 0 means no PodDisruptionBudget can protect the data (one member, or no backups).
*/}}
{{- define "booking.maxUnavailable" -}}
{{- min (int .Values.backupCount) (sub (int .Values.replicaCount) 1) }}
{{- end }}
