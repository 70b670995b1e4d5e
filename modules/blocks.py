"""StreamField blocks editors use to write lessons."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4"]


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(default=_("Key point"))
    text = blocks.RichTextBlock(features=RICH_FEATURES)

    class Meta:
        icon = "pick"
        template = "modules/blocks/callout.html"


class CaseStudyBlock(blocks.StructBlock):
    title = blocks.CharBlock()
    text = blocks.RichTextBlock(features=RICH_FEATURES, help_text=_("Fictional and anonymised."))
    questions = blocks.ListBlock(blocks.CharBlock(label=_("Question")), required=False)

    class Meta:
        icon = "user"
        template = "modules/blocks/case_study.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False)

    class Meta:
        icon = "openquote"
        template = "modules/blocks/quote.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(help_text=_("Describe the image for people who cannot see it."))
    caption = blocks.CharBlock(required=False)

    class Meta:
        icon = "image"
        template = "modules/blocks/image.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock()
    title = blocks.CharBlock()
    transcript = blocks.RichTextBlock(features=RICH_FEATURES, help_text=_("Required: a full transcript."))

    class Meta:
        icon = "media"
        template = "modules/blocks/video.html"


class ReflectBlock(blocks.TextBlock):
    class Meta:
        icon = "help"
        label = _("Pause and reflect")
        template = "modules/blocks/reflect.html"


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock()
    text = blocks.RichTextBlock(features=RICH_FEATURES)


class ResourceBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    description = blocks.CharBlock(required=False)

    class Meta:
        icon = "doc-full"
        template = "modules/blocks/resource.html"


class LessonBodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(form_classname="title", icon="title", template="modules/blocks/heading.html")
    rich_text = blocks.RichTextBlock(features=RICH_FEATURES)
    callout = CalloutBlock()
    case_study = CaseStudyBlock()
    quote = QuoteBlock()
    image = ImageBlock()
    video = VideoBlock()
    reflect = ReflectBlock()
    accordion = blocks.ListBlock(
        AccordionItemBlock(), icon="list-ul", template="modules/blocks/accordion.html"
    )
    resource = ResourceBlock()


class ReferenceBlock(blocks.StructBlock):
    title = blocks.CharBlock()
    publisher = blocks.CharBlock(required=False)
    year = blocks.CharBlock(required=False, max_length=10)
    url = blocks.URLBlock(required=False)

    class Meta:
        icon = "link"
