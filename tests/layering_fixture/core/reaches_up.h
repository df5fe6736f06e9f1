// A core header that reaches up to the desk: the layering test must refuse it.
#pragma once
#include "ui/widgets.h"
