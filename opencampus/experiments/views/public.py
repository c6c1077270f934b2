"""Public pages: the list of experiments and supported projects, an experiment's page, its files."""

import posixpath

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.views import View
from PIL import Image

from opencampus.core.links import campus_reverse

from ..models import Attachment, Experiment
from ..services.experiments import problem_of
from ..services.progress import weighted_progress
from .access import ExperimentMixin
from .lists import ExperimentListMixin


class ExperimentListView(ExperimentListMixin):
    template_name = "experiments/list.html"

    def experiments(self):
        return Experiment.objects.filter(campus=self.request.campus, is_public=True)


def team_links(experiment, user):
    """Links to the team's pages, for those who may open them (``""`` for the others)."""
    campus, group, organisation = experiment.campus, experiment.working_group, experiment.organisation
    group_url = organisation_url = ""
    if group is not None and user.has_perm("workgroups.view_group", group):
        group_url = campus_reverse(campus, "workgroups:group", pk=group.pk)
    if organisation is not None and user.has_perm("people.view_organisation", organisation):
        organisation_url = campus_reverse(campus, "directory:organisation", slug=organisation.slug)
    return {"group_url": group_url, "organisation_url": organisation_url}


class ExperimentDetailView(ExperimentMixin, View):
    template_name = "experiments/detail.html"

    def get(self, request, pk):
        experiment, user = self.experiment, request.user
        milestones = list(experiment.milestones.all())
        context = {
            "experiment": experiment,
            "problem": problem_of(experiment),
            "milestones": milestones,
            "progress": weighted_progress(milestones),
            "updates": experiment.updates.prefetch_related("attachments"),
            "can_contribute": user.has_perm("experiments.contribute", experiment),
            "can_manage": user.has_perm("experiments.manage", request.campus),
            **team_links(experiment, user),
        }
        return render(request, self.template_name, context)


class AttachmentView(View):
    """A photo (shown in the page) or a file (downloaded) of an update, for those who may read the
    experiment."""

    def get(self, request, pk):
        attachment = get_object_or_404(
            Attachment.objects.select_related(
                "update__experiment__organisation", "update__experiment__campus"
            ),
            campus=request.campus,
            pk=pk,
        )
        if not request.user.has_perm("experiments.view_experiment", attachment.update.experiment):
            raise Http404("No such file.")
        try:
            handle = attachment.file.open("rb")
        except FileNotFoundError:
            raise Http404("The file is missing from storage.") from None
        name = posixpath.basename(attachment.file.name)
        if attachment.is_image:
            return FileResponse(handle, filename=name, content_type=picture_type(handle))
        return FileResponse(handle, as_attachment=True, filename=name)


def picture_type(handle):
    """The MIME type of the picture in ``handle`` read from its content, as it was judged on upload."""
    with Image.open(handle) as image:
        content_type = Image.MIME[image.format]
    handle.seek(0)
    return content_type
